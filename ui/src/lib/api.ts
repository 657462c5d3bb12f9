// Typed calls to the Rust commands. Types come from `bindings/`, generated from the Rust
// definitions by ts-rs; this file only names commands and their arguments.
import { Channel, invoke } from '@tauri-apps/api/core';
import { pick } from './i18n/index.svelte';
import type { Activity } from './bindings/Activity';
import type { ActivityInput } from './bindings/ActivityInput';
import type { AppInfo } from './bindings/AppInfo';
import type { Attachment } from './bindings/Attachment';
import type { AuditEntry } from './bindings/AuditEntry';
import type { Axis } from './bindings/Axis';
import type { CommandError } from './bindings/CommandError';
import type { Draft } from './bindings/Draft';
import type { DueFollowUp } from './bindings/DueFollowUp';
import type { FieldError } from './bindings/FieldError';
import type { Filter } from './bindings/Filter';
import type { IlluminationDay } from './bindings/IlluminationDay';
import type { ImportReport } from './bindings/ImportReport';
import type { KindSchema } from './bindings/KindSchema';
import type { LikelyDuplicate } from './bindings/LikelyDuplicate';
import type { OrgSummary } from './bindings/OrgSummary';
import type { Page } from './bindings/Page';
import type { PersonSummary } from './bindings/PersonSummary';
import type { Profile } from './bindings/Profile';
import type { Progress } from './bindings/Progress';
import type { Stats } from './bindings/Stats';
import type { Undone } from './bindings/Undone';
import type { CountryRef } from './bindings/CountryRef';
import type { CountryBriefOptions } from './bindings/CountryBriefOptions';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ImportPlan } from './bindings/ImportPlan';
import type { Lang } from './bindings/Lang';
import type { Mapping } from './bindings/Mapping';
import type { Paper } from './bindings/Paper';
import type { PeriodReportOptions } from './bindings/PeriodReportOptions';
import type { RestoreReport } from './bindings/RestoreReport';
import type { RowDraft } from './bindings/RowDraft';
import type { SavedPdf } from './bindings/SavedPdf';
import type { SheetView } from './bindings/SheetView';
import type { SnapshotInfo } from './bindings/SnapshotInfo';
import type { TargetChoice } from './bindings/TargetChoice';
import type { TextDraft } from './bindings/TextDraft';

/** The core's `Filter` deserialises with every field defaulted, so any subset may be sent. */
export type FilterQuery = Partial<Filter>;

export function isCommandError(value: unknown): value is CommandError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** What a failed command says, in the window's language (the core explains every error in both). */
export function errorMessage(e: unknown): string {
  return isCommandError(e) ? pick(e.message) : String(e);
}

/** Field errors of a rejected save, keyed by field path (`title`, `details.amount`). */
export function fieldErrors(errors: readonly FieldError[]): Record<string, FieldError> {
  const byField: Record<string, FieldError> = {};
  for (const e of errors) byField[e.field] ??= e;
  return byField;
}

export const api = {
  appInfo: () => invoke<AppInfo>('app_info'),
  startupReady: () => invoke<null>('startup_ready'),
  saveProfile: (profile: Profile) => invoke<null>('save_profile', { profile }),
  kindSchemas: () => invoke<KindSchema[]>('kind_schemas'),
  validateActivity: (input: ActivityInput) => invoke<FieldError[]>('validate_activity', { input }),
  listDrafts: () => invoke<Draft[]>('list_drafts'),
  saveDraft: (draft: Draft) => invoke<null>('save_draft', { draft }),
  discardDraft: (key: string) => invoke<null>('discard_draft', { key }),
  listActivities: (filter: FilterQuery) => invoke<Page<Activity>>('list_activities', { filter }),
  followUpsDue: (from: string, to: string) => invoke<DueFollowUp[]>('follow_ups_due', { from, to }),
  getActivity: (id: string) => invoke<Activity>('get_activity', { id }),
  saveActivity: (input: ActivityInput) => invoke<Activity>('save_activity', { input }),
  trashActivity: (id: string) => invoke<null>('trash_activity', { id }),
  restoreActivity: (id: string) => invoke<null>('restore_activity', { id }),
  undoLast: () => invoke<Undone | null>('undo_last'),
  activityHistory: (id: string) => invoke<AuditEntry[]>('activity_history', { id }),
  activityStats: (filter: FilterQuery) => invoke<Stats>('activity_stats', { filter }),
  listCountries: () => invoke<CountryRef[]>('list_countries'),
  illuminationCalendar: (year: number) => invoke<IlluminationDay[]>('illumination_calendar', { year }),
  listAxes: () => invoke<Axis[]>('list_axes'),
  listOrganisations: () => invoke<OrgSummary[]>('list_organisations'),
  listPeople: () => invoke<PersonSummary[]>('list_people'),
  organisationsLike: (name: string) => invoke<OrgSummary[]>('organisations_like', { name }),
  likelyDuplicates: () => invoke<LikelyDuplicate[]>('likely_duplicate_organisations'),
  mergeOrganisations: (keep: string, drop: string) => invoke<null>('merge_organisations', { keep, drop }),
  attachFiles: (id: string) => invoke<Attachment[]>('attach_files', { id }),
  attachmentImage: (hash: string, mediaType: string) => invoke<string>('attachment_image', { hash, mediaType }),
  openAttachment: (hash: string) => invoke<null>('open_attachment', { hash }),
  saveBrief: (id: string, lang: Lang, paper: Paper) => invoke<SavedPdf | null>('save_brief', { id, lang, paper }),
  openSavedPdf: (path: string) => invoke<null>('open_saved_pdf', { path }),
  openSpreadsheet: () => invoke<SheetView | null>('open_spreadsheet'),
  chooseSheet: (sheet: string) => invoke<SheetView>('choose_sheet', { sheet }),
  mappingTargets: () => invoke<TargetChoice[]>('mapping_targets'),
  previewSpreadsheet: (mapping: Mapping) => invoke<RowDraft[]>('preview_spreadsheet', { mapping }),
  draftsFromReportText: (text: string, period: string | null) => invoke<TextDraft[]>('drafts_from_report_text', { text, period }),
  listBackups: () => invoke<SnapshotInfo[]>('list_backups'),
  backupNow: () => invoke<SnapshotInfo>('backup_now'),
  restoreBackup: (name: string) => invoke<RestoreReport>('restore_backup', { name }),
};

/** A long job: its progress arrives on `onProgress`; `cancel()` asks the backend to stop. */
export interface Job<T> {
  result: Promise<T>;
  cancel: () => Promise<boolean>;
}

let jobCounter = 0;

export function startJob<T>(command: string, args: Record<string, unknown>, onProgress: (p: Progress) => void): Job<T> {
  const job = `job-${Date.now()}-${++jobCounter}`;
  const progress = new Channel<Progress>();
  progress.onmessage = onProgress;
  return {
    result: invoke<T>(command, { ...args, job, progress }),
    cancel: () => invoke<boolean>('cancel_job', { job }),
  };
}

export const jobs = {
  loadSampleData: (onProgress: (p: Progress) => void) => startJob<ImportReport>('load_sample_data', {}, onProgress),
  savePeriodReport: (options: PeriodReportOptions, onProgress: (p: Progress) => void) =>
    startJob<SavedPdf | null>('save_period_report', { options }, onProgress),
  saveCountryBrief: (options: CountryBriefOptions, onProgress: (p: Progress) => void) =>
    startJob<SavedPdf | null>('save_country_brief', { options }, onProgress),
  planSpreadsheetImport: (mapping: Mapping, onProgress: (p: Progress) => void) => startJob<ImportPlan>('plan_spreadsheet_import', { mapping }, onProgress),
  importSpreadsheet: (withDuplicates: boolean, onProgress: (p: Progress) => void) => startJob<ImportReport>('import_spreadsheet', { withDuplicates }, onProgress),
  exportActivities: (filter: FilterQuery, format: ExportFormat, lang: Lang, onProgress: (p: Progress) => void) =>
    startJob<string | null>('export_activities', { filter, format, lang }, onProgress),
  exportArchive: (onProgress: (p: Progress) => void) => startJob<string | null>('export_archive', {}, onProgress),
  importArchive: (onProgress: (p: Progress) => void) => startJob<RestoreReport | null>('import_archive', {}, onProgress),
};
