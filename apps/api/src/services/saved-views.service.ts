import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  audienceProblems,
  FieldError,
  Forbidden,
  InvalidInput,
  NotFound,
  t,
  viewAudienceRefusal,
  viewFilterProblems,
  viewListChangeRefusal,
  viewListProblems,
  ViewAudience,
  ViewList,
} from '@hardtech/domain';
import { ClustersRepository, SavedView, SavedViewsRepository, UsersRepository } from '@hardtech/persistence';

const notFound = () => new NotFound('VIEW_NOT_FOUND', t('视图不存在', 'no such view'));

export interface ViewBody {
  /** inbox (when absent), ledger or enterprises. */
  list?: unknown;
  name?: unknown;
  filter?: unknown;
  sharedWith?: unknown;
}

/**
 * Saved views (issue 10 §4) of the inbox, the ledger and the enterprise list: stored on the server,
 * shared with a role, a district or a department. A view holds filters, never rows: the list it is
 * opened in applies the reader's own scope, so a shared view shows nobody more than they may see.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly views: SavedViewsRepository,
    private readonly clusters: ClustersRepository,
    private readonly users: UsersRepository,
  ) {}

  /** The views, each naming its owner as people are named (display name; null for one gone). */
  async list(actor: Actor, list: ViewList = 'inbox') {
    const views = await this.views.visibleTo(actor, list);
    const names = await this.users.displayNames(views.map((v) => v.owner));
    return views.map((v) => this.view(actor, v, names.get(v.owner) ?? null));
  }

  async create(actor: Actor, body: ViewBody) {
    return this.view(
      actor,
      await this.views.save({ id: randomUUID(), owner: actor.username, ...(await this.parse(body)) }),
      actor.displayName ?? null,
    );
  }

  async update(actor: Actor, id: string, body: ViewBody) {
    const existing = await this.owned(actor, id);
    return this.view(
      actor,
      await this.views.save({
        id: existing.id,
        owner: existing.owner,
        ...(await this.parse(body, existing.list)),
      }),
      actor.displayName ?? null,
    );
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.views.remove((await this.owned(actor, id)).id);
  }

  /** A view the caller cannot see is 404; one they see but do not own cannot be changed (403). */
  private async owned(actor: Actor, id: string): Promise<SavedView> {
    const view = await this.views.findVisible(actor, id);
    if (!view) throw notFound();
    if (view.owner !== actor.username)
      throw new Forbidden('NOT_THE_OWNER', t('只有创建人可以修改', 'only the owner may change it'));
    return view;
  }

  /** `saved`: the list of the view being changed, which stays its list. */
  private async parse(
    body: ViewBody,
    saved?: ViewList,
  ): Promise<{ list: ViewList; name: string; filter: Record<string, unknown>; sharedWith: ViewAudience }> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInput([{ field: 'body', text: t('应为对象', 'must be an object') }]);
    }
    const errors: FieldError[] = [];
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 100)
      errors.push({ field: 'name', text: t('名称应为1-100个字符', 'must have 1-100 characters') });
    const listErrors = viewListProblems(body.list);
    errors.push(...listErrors);
    const list = (body.list ?? saved ?? 'inbox') as ViewList;
    // A filter may name any cluster of the taxonomy, a retired one too: its enterprises stay listed.
    if (!listErrors.length)
      errors.push(...viewFilterProblems(list, body.filter ?? {}, await this.clusters.allCodes()));
    errors.push(...audienceProblems(body.sharedWith ?? {}));
    for (const key of Object.keys(body)) {
      if (!['list', 'name', 'filter', 'sharedWith'].includes(key))
        errors.push({ field: key, text: t('未知字段', 'unknown field') });
    }
    if (errors.length) throw new InvalidInput(errors);
    const a = (body.sharedWith ?? {}) as Partial<ViewAudience>;
    const sharedWith = {
      roles: a.roles ?? [],
      districts: a.districts ?? [],
      departments: a.departments ?? [],
    };
    const refusal = (saved && viewListChangeRefusal(saved, list)) || viewAudienceRefusal(sharedWith);
    if (refusal) throw refusal;
    return { list, name, filter: (body.filter ?? {}) as Record<string, unknown>, sharedWith };
  }

  private view(actor: Actor, v: SavedView, ownerName: string | null) {
    return {
      id: v.id,
      list: v.list,
      name: v.name,
      owner: v.owner,
      ownerName,
      mine: v.owner === actor.username,
      filter: v.filter,
      sharedWith: v.sharedWith,
      createdAt: new Date(v.createdAt).toISOString(),
      updatedAt: new Date(v.updatedAt).toISOString(),
    };
  }
}
