const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);

export const step = (msg) => console.log(paint('36', `▸ ${msg}`));
export const ok = (msg) => console.log(paint('32', `✓ ${msg}`));
export const warn = (msg) => console.log(paint('33', `! ${msg}`));
export const fail = (msg) => console.error(paint('31', `✗ ${msg}`));
export const bold = (s) => paint('1', s);

/** Warnings and errors of the processes' JSON logs, for the console; the rest stays in the log files. */
export const notable = (line) => /"level":"(warn|error|fatal)"/.test(line) || !line.startsWith('{');
