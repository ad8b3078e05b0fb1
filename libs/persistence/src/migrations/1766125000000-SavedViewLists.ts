import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A saved view belongs to one list (VIEW_LISTS of libs/domain's saved-view-filters): the inbox, the
 * ledger or the enterprise list. The views stored before were all the inbox's.
 */
export class SavedViewLists1766125000000 implements MigrationInterface {
  name = 'SavedViewLists1766125000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE saved_views ADD COLUMN list varchar(16) NOT NULL DEFAULT 'inbox'
         CONSTRAINT saved_views_list CHECK (list IN ('inbox', 'ledger', 'enterprises'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The other lists' views would read as inbox views, whose filters they do not hold.
    await q.query(`DELETE FROM saved_views WHERE list <> 'inbox'`);
    await q.query(`ALTER TABLE saved_views DROP COLUMN list`);
  }
}
