/**
 * Who is signed in, as the header says it: the name, then the role where the name does not say it
 * already. Officers' names carry their department (科技处 李明, 企业服务专员 陈静), and the walk
 * read "科技处 李明 · 科技处（统筹）"; what the role adds beyond it (统筹) is kept.
 */
export function whoText(name: string, role: string | undefined): string {
  if (!role) return name;
  const [, base, qualifier] = /^(.*?)(?:（(.*)）)?$/.exec(role) ?? [];
  if (!base || !name.includes(base)) return `${name} · ${role}`;
  return qualifier ? `${name} · ${qualifier}` : name;
}
