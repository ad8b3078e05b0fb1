import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, VIEW_SAVERS, ViewAudience, ViewList } from '@hardtech/domain';

export interface SavedView {
  id: string;
  owner: string;
  /** Fixed when the view is saved. */
  list: ViewList;
  name: string;
  filter: Record<string, unknown>;
  sharedWith: ViewAudience;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, owner, list, name, filter, json_build_object('roles', shared_roles, 'districts', shared_districts,
  'departments', shared_departments) AS "sharedWith", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The SQL form of viewVisibleTo (libs/domain/src/saved-views.ts): the owner, or the audience; a
 * caller who is no saver (VIEW_SAVERS) is answered before any statement.
 */
const VISIBLE = `(owner = $1 OR $2 = ANY(shared_roles) OR shared_districts && $3::text[] OR $4 = ANY(shared_departments))`;

@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private audienceOf(actor: Actor): unknown[] {
    return [actor.username, actor.role, actor.scope?.districts ?? [], actor.scope?.department ?? null];
  }

  /** The views of one list the caller sees, theirs first. */
  async visibleTo(actor: Actor, list: ViewList): Promise<SavedView[]> {
    if (!VIEW_SAVERS.includes(actor.role)) return [];
    return this.ds.query(
      `SELECT ${COLUMNS} FROM saved_views WHERE ${VISIBLE} AND list = $5 ORDER BY owner = $1 DESC, name, id`,
      [...this.audienceOf(actor), list],
    );
  }

  async findVisible(actor: Actor, id: string): Promise<SavedView | null> {
    if (!VIEW_SAVERS.includes(actor.role)) return null;
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM saved_views WHERE ${VISIBLE} AND id = $5`, [
      ...this.audienceOf(actor),
      id,
    ]);
    return row ?? null;
  }

  async save(v: Omit<SavedView, 'createdAt' | 'updatedAt'>): Promise<SavedView> {
    const [row] = await this.ds.query(
      `INSERT INTO saved_views (id, owner, name, filter, shared_roles, shared_districts, shared_departments, list)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, filter = EXCLUDED.filter, shared_roles = EXCLUDED.shared_roles,
         shared_districts = EXCLUDED.shared_districts, shared_departments = EXCLUDED.shared_departments, updated_at = now()
       RETURNING ${COLUMNS}`,
      [
        v.id,
        v.owner,
        v.name,
        JSON.stringify(v.filter),
        v.sharedWith.roles,
        v.sharedWith.districts,
        v.sharedWith.departments,
        v.list,
      ],
    );
    return row;
  }

  async remove(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM saved_views WHERE id = $1`, [id]);
  }
}
