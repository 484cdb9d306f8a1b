import { createHash, randomUUID } from 'node:crypto';
import { can } from '@ltx/shared/domain/authz';
import { NotFoundError, RosterImportError, ValidationError } from '@ltx/shared/domain/errors';
import { deriveAttendanceMode } from '@ltx/shared/domain/member-rules';
import type { Actor } from '@ltx/shared/domain/roles';
import { planRoster, rosterCellsOf, rosterKey, rosterOutcomeLabels, rosterRowText, type RosterCells, type RosterField, type RosterMember, type RosterValues } from '@ltx/shared/domain/roster';
import { rosterLimits } from '@ltx/shared/limits';
import type { RosterApplyInput, RosterImport, RosterImportInput } from '@ltx/shared/schemas/roster';
import { chinaDay } from '@ltx/shared/time/china-day';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { MemberRepository } from '../repositories/member-repository';
import type { OrgRepository } from '../repositories/org-repository';
import type { MemberRecord, RosterImportRecord, RosterImportRowDone } from '../repositories/records';
import type { RosterImportRepository } from '../repositories/roster-import-repository';
import { authorize } from './authorize';
import { branchResource, placed } from './places';
import type { UploadService } from './upload-service';
import { sortByName } from '@ltx/shared/domain/name-order';
import { countMetric } from '../observability/metrics';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads an xlsx file's roster rows (functions/src/export/roster-reader.ts): injected, so exceljs stays in the function that carries it. */
export type RosterReader = (bytes: Uint8Array) => Promise<{ row: number; cells: RosterCells }[]>;

export interface RosterServiceDeps {
  members: MemberRepository;
  orgs: OrgRepository;
  imports: RosterImportRepository;
  audit: AuditRepository;
  uploads: Pick<UploadService, 'readFile'>;
  read: RosterReader;
  clock?: Clock;
}

/** Rows written at once while applying: a 200-row roster in well under the function's 10 s, without flooding the table. */
const rowsAtOnce = 8;
const unknownHealth = 'unknown';

/**
 * Roster import from Excel (花名册导入). Checking a file stores its plan, row by row (新建 / 更新 / 不变 / 错误),
 * and writes no member. Applying is a state machine on the import record, safe without transactions
 * (docs/data-model.md, "Roster imports"): `checked` → `applying` (fixing the instant and the actor every
 * write uses) → each row's member write, idempotent by the import id and row, then a marker per row →
 * the branch counters once (conditioned on the import id) → the audit entry (keyed by the import id) →
 * `applied`. A retry after a crash at any point resumes from the markers and ends in the same state.
 */
export class RosterService {
  private readonly clock: Clock;

  constructor(private readonly deps: RosterServiceDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /** Checks an uploaded file against the roll; a clean file is applied at once unless `dryRun`. */
  async check(actor: Actor, branchId: string, input: RosterImportInput): Promise<RosterImport> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, 'roster.import', branchResource(branch));
    const file = await this.deps.uploads.readFile(branchId, input.uploadId, xlsxContentType, 'uploadId');
    const rows = await this.deps.read(file.bytes).catch(() => {
      throw new RosterImportError('ROSTER_FILE_INVALID', [{ path: 'uploadId', message: '花名册文件：无法读取，请用下载的模板填写并保存为 .xlsx 文件' }]);
    });
    if (!rows.length) throw new ValidationError([{ path: 'uploadId', message: '花名册文件：第一张表里没有党员（第 2 行起每行一人）' }]);
    if (rows.length > rosterLimits.rows) throw new ValidationError([{ path: 'uploadId', message: `花名册文件：一次最多导入 ${rosterLimits.rows} 行，请分成几个文件` }]);
    const plan = planRoster(rows, await this.roll(branchId), chinaDay(this.clock.now()));
    const record: RosterImportRecord = {
      id: randomUUID(), orgId: branch.orgId, branchId, uploadId: input.uploadId, fileName: file.name,
      createdBy: actor.userId, createdAt: this.clock.now().toISOString(), state: 'checked', rows: plan,
    };
    await this.deps.imports.create(record);
    if (!input.dryRun && plan.every((p) => p.outcome !== 'error')) return this.apply(actor, record.id, {});
    return this.view(record, []);
  }

  /**
   * The branch's roll for the template (its party groups) or the export (its members on the roll, in the
   * template's columns). The full phone only for those who may read it. No health data: it is kept only with
   * the member's own consent (shared/src/domain/consent.ts), never filled in or carried by a file.
   */
  async roster(actor: Actor, branchId: string, action: 'roster.import' | 'roster.export'): Promise<{ branchName: string; partyGroups: string[]; rows: Record<RosterField, string>[] }> {
    const branch = await this.deps.orgs.getBranch(branchId);
    if (!branch) throw new NotFoundError();
    authorize(actor, action, branchResource(branch));
    const onRoll = (await this.roll(branchId)).filter((m) => !m.departed);
    const withPhone = can(actor, 'member.readPhone', { type: 'member', orgId: branch.orgId, orgPath: branch.orgPath, branchId, memberId: '*' });
    const partyGroups = [...new Set(onRoll.map((m) => m.partyGroup).filter((g): g is string => !!g))].sort();
    const rows = sortByName(onRoll, (m) => m.name).map((m) => rosterCellsOf(withPhone ? m : { ...m, phone: undefined }));
    return { branchName: branch.name, partyGroups, rows };
  }

  async get(actor: Actor, importId: string): Promise<RosterImport> {
    const record = await this.load(actor, importId);
    return this.view(record, record.state === 'checked' ? [] : await this.deps.imports.listRowsDone(importId));
  }

  /**
   * Applies a checked import, or finishes one a crash interrupted. Rows with errors are left out only when
   * the secretary confirmed (`onlyCleanRows`); a roll that changed since the check is refused (409) untouched.
   */
  async apply(actor: Actor, importId: string, input: RosterApplyInput): Promise<RosterImport> {
    let record = await this.load(actor, importId);
    if (record.state === 'checked') {
      if (record.rows.some((r) => r.outcome === 'error') && !input.onlyCleanRows) throw new RosterImportError('ROSTER_HAS_ERRORS');
      await this.assertRollUnchanged(record);
      await this.deps.imports.startApplying(importId, { at: this.clock.now().toISOString(), by: actor.userId, onlyCleanRows: input.onlyCleanRows === true });
      // Whoever moved it first fixed the instant and the actor: read them back.
      record = (await this.deps.imports.get(importId))!;
    }
    if (record.state === 'applying') await this.finish(record);
    const final = (await this.deps.imports.get(importId))!;
    return this.view(final, await this.deps.imports.listRowsDone(importId));
  }

  private async finish(record: RosterImportRecord): Promise<void> {
    const applying = record.applying!;
    const done = new Set((await this.deps.imports.listRowsDone(record.id)).map((d) => d.row));
    const todo = record.rows.filter((r) => (r.outcome === 'create' || r.outcome === 'update') && !done.has(r.row));
    for (let i = 0; i < todo.length; i += rowsAtOnce) {
      await Promise.all(todo.slice(i, i + rowsAtOnce).map((row) => this.applyRow(record, row, applying)));
    }
    const rows = await this.deps.imports.listRowsDone(record.id);
    const created = rows.filter((r) => r.result === 'created');
    const updated = rows.filter((r) => r.result === 'updated');
    // New members have no health class until they consent: they count as 未登记.
    await this.deps.orgs.adjustCountsOnce(record.branchId, { members: created.length, healthClass: { [unknownHealth]: created.length } }, record.id);
    if (created.length || updated.length) {
      await this.deps.audit.append(
        record.branchId,
        { at: applying.at, actorUserId: applying.by, action: 'roster.import', targetType: 'branch', targetId: record.branchId, roster: { created: created.length, updated: updated.length } },
        record.id,
      );
    }
    await this.deps.imports.finishApplying(record.id, { at: applying.at, created: created.length, updated: updated.length, skipped: rows.length - created.length - updated.length });
    countMetric('Imports');
    countMetric('ImportedMembers', created.length + updated.length);
  }

  /** One row: the member write (idempotent: a derived id, or a versioned replace recognised as ours), then its marker. */
  private async applyRow(record: RosterImportRecord, row: RosterImportRecord['rows'][number], applying: NonNullable<RosterImportRecord['applying']>): Promise<void> {
    const values = row.values as RosterValues;
    const { at, by } = applying;
    const marker = { importId: record.id, row: row.row };
    if (row.outcome === 'create') {
      const id = derivedId(record.id, row.row);
      const member: MemberRecord = {
        ...values, id, orgId: record.orgId, branchId: record.branchId, attendanceMode: deriveAttendanceMode(undefined, values.livingSituation), bound: false,
        version: 1, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by,
      };
      // A conflict is this row's own earlier write: the id belongs to this import and row alone.
      await this.deps.members.create(member);
      return this.deps.imports.putRowDone({ ...marker, result: 'created', memberId: id });
    }
    const memberId = row.memberId!;
    const current = await this.deps.members.get(memberId, { withSensitive: true });
    const ours = (m: MemberRecord | undefined) => !!m && m.version === row.baseVersion! + 1 && m.updatedAt === at && m.updatedBy === by;
    let wrote = ours(current);
    if (!wrote && current && current.version === row.baseVersion) {
      const next = merged(current, values, at, by);
      wrote = (await this.deps.members.replace(next, row.baseVersion)).kind === 'ok' || ours(await this.deps.members.get(memberId, { withSensitive: true }));
    }
    // Not written: someone edited this member after the check; their edit stands and the row says so.
    await this.deps.imports.putRowDone({ ...marker, result: wrote ? 'updated' : 'skipped', memberId });
  }

  /** Refuses (409, nothing written) when a member the plan counts on changed, or a new one now has a row's key. */
  private async assertRollUnchanged(record: RosterImportRecord): Promise<void> {
    const roll = await this.deps.members.listByBranch(record.branchId);
    const byId = new Map(roll.map((m) => [m.id, m]));
    const keys = new Set(roll.map((m) => rosterKey(m)));
    const changed = record.rows.some((r) =>
      r.outcome === 'create' ? keys.has(rosterKey(r.values!)) : (r.outcome === 'update' || r.outcome === 'unchanged') && byId.get(r.memberId!)?.version !== r.baseVersion,
    );
    if (changed) throw new RosterImportError('ROSTER_CHANGED');
  }

  private async roll(branchId: string): Promise<RosterMember[]> {
    const listed = await this.deps.members.listByBranch(branchId);
    return listed.filter((m) => m.branchId === branchId).map((m) => ({
      id: m.id, version: m.version, departed: !!m.departure, name: m.name, gender: m.gender, birthDate: m.birthDate, joinedPartyOn: m.joinedPartyOn,
      partyGroup: m.partyGroup, committeeRole: m.committeeRole, phone: m.phone, livingSituation: m.livingSituation, livingCity: m.livingCity, address: m.address,
    }));
  }

  private async load(actor: Actor, importId: string): Promise<RosterImportRecord> {
    const record = await this.deps.imports.get(importId);
    if (!record) throw new NotFoundError();
    authorize(actor, 'roster.import', await placed(this.deps.orgs, { type: 'branch', orgId: record.orgId, branchId: record.branchId }));
    return record;
  }

  private view(record: RosterImportRecord, done: RosterImportRowDone[]): RosterImport {
    const doneByRow = new Map(done.map((d) => [d.row, d]));
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const r of record.rows) counts[r.outcome]++;
    const applied = record.applied;
    return {
      id: record.id,
      branchId: record.branchId,
      fileName: record.fileName,
      state: record.state,
      stateText: stateWords[record.state],
      createdAt: record.createdAt,
      counts,
      summaryText: `共 ${record.rows.length} 行：新建 ${counts.create} 人，更新 ${counts.update} 人，不变 ${counts.unchanged} 人，错误 ${counts.error} 行`,
      clean: counts.error === 0,
      rows: record.rows.map((r) => {
        const skipped = record.state !== 'checked' && r.outcome === 'error'
          ? '未导入：这一行有错误'
          : doneByRow.get(r.row)?.result === 'skipped' ? '未导入：检查之后有人修改了此人的信息，请核对后再导入' : undefined;
        return {
          row: r.row, name: r.name, outcome: r.outcome, outcomeText: rosterOutcomeLabels[r.outcome],
          text: rosterRowText({ ...r, changes: r.changes as RosterField[] | undefined }),
          errors: r.errors ?? [], ...(skipped ? { skippedText: skipped } : {}),
        };
      }),
      ...(applied ? { applied: { ...applied, text: `已导入：新建 ${applied.created} 人，更新 ${applied.updated} 人${applied.skipped ? `，未导入 ${applied.skipped} 行` : ''}` } } : {}),
    };
  }
}

const stateWords: Record<RosterImportRecord['state'], string> = { checked: '已检查，等待确认导入', applying: '正在导入', applied: '已导入' };

/** A member id owned by one row of one import: writing it twice finds it taken, never makes a second member. */
export function derivedId(importId: string, row: number): string {
  const h = createHash('sha256').update(`roster:${importId}:${row}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The member with the row's filled values (an empty optional cell keeps what is stored). */
function merged(m: MemberRecord, values: RosterValues, at: string, by: string): MemberRecord {
  const { name: _name, birthDate: _birth, ...fields } = values;
  const next: MemberRecord = { ...m, ...fields, version: m.version + 1, updatedAt: at, updatedBy: by };
  next.attendanceMode = next.attendanceModeOverride ?? deriveAttendanceMode(next.sensitive?.healthClass, next.livingSituation);
  return next;
}
