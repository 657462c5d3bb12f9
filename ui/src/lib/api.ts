// Typed calls to the Rust commands. Every command, its arguments and its answer come from
// `bindings/commands.ts`, generated from the Rust commands; the types they name are generated
// by ts-rs. A command or argument renamed in Rust fails `tsc` here.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { CommandName, Commands } from './bindings/commands';
import { i18n, pick } from './i18n/index.svelte';
import type { ActivityInput } from './bindings/ActivityInput';
import type { AxisEdit } from './bindings/AxisEdit';
import type { CommandError } from './bindings/CommandError';
import type { Draft } from './bindings/Draft';
import type { FieldError } from './bindings/FieldError';
import type { Format } from './bindings/Format';
import type { Filter } from './bindings/Filter';
import type { Profile } from './bindings/Profile';
import type { Progress } from './bindings/Progress';
import type { Count } from './bindings/Count';
import type { CountryBriefOptions } from './bindings/CountryBriefOptions';
import type { PartnerDossierOptions } from './bindings/PartnerDossierOptions';
import type { ExportFormat } from './bindings/ExportFormat';
import type { Lang } from './bindings/Lang';
import type { Mapping } from './bindings/Mapping';
import type { Paper } from './bindings/Paper';
import type { ReportDefinition } from './bindings/ReportDefinition';
import type { ReportMark } from './bindings/ReportMark';

/** The core's `Filter` deserialises with every field defaulted, so any subset may be sent. */
export type FilterQuery = Partial<Filter>;
/** A subset of a filter as the command's `Filter` argument (the core defaults the rest). */
const asFilter = (query: FilterQuery) => query as Filter;

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
  appInfo: () => call('app_info'),
  about: () => call('about'),
  startupReady: () => call('startup_ready'),
  takeOpenedFile: () => call('take_opened_file'),
  saveProfile: (profile: Profile) => call('save_profile', { profile }),
  unlock: (passphrase: string) => call('unlock', { passphrase }),
  lock: () => call('lock'),
  changePassphrase: (current: string, next: string) => call('change_passphrase', { current, new: next }),
  kindSchemas: () => call('kind_schemas'),
  validateActivity: (input: ActivityInput) => call('validate_activity', { input, lang: i18n.lang }),
  readDate: (text: string, lang: Lang) => call('read_date', { text, lang }),
  listDrafts: () => call('list_drafts'),
  saveDraft: (draft: Draft) => call('save_draft', { draft }),
  discardDraft: (key: string) => call('discard_draft', { key }),
  listActivities: (filter: FilterQuery) => call('list_activities', { filter: asFilter(filter) }),
  followUpsDue: (from: string, to: string) => call('follow_ups_due', { from, to }),
  getActivity: (id: string) => call('get_activity', { id }),
  saveActivity: (input: ActivityInput) => call('save_activity', { input, lang: i18n.lang }),
  trashActivity: (id: string) => call('trash_activity', { id }),
  restoreActivity: (id: string) => call('restore_activity', { id }),
  undoLast: () => call('undo_last'),
  activityHistory: (id: string) => call('activity_history', { id }),
  activityStats: (filter: FilterQuery) => call('activity_stats', { filter: asFilter(filter) }),
  worldMap: (byCountry: Count[]) => call('world_map', { byCountry }),
  agreementsExpiring: () => call('agreements_expiring'),
  listCountries: () => call('list_countries'),
  listCurrencies: () => call('list_currencies'),
  illuminationCalendar: (year: number) => call('illumination_calendar', { year }),
  listAxisSets: () => call('list_axis_sets'),
  editAxes: (edit: AxisEdit) => call('edit_axes', { edit }),
  listOrganisations: () => call('list_organisations'),
  listPeople: () => call('list_people'),
  organisationsLike: (name: string) => call('organisations_like', { name }),
  likelyDuplicates: () => call('likely_duplicate_organisations'),
  mergeOrganisations: (keep: string, drop: string) => call('merge_organisations', { keep, drop }),
  attachFiles: (id: string, dropped: string[] | null = null) => call('attach_files', { id, dropped }),
  attachmentImage: (hash: string, mediaType: string) => call('attachment_image', { hash, mediaType }),
  openAttachment: (hash: string) => call('open_attachment', { hash }),
  markAttachment: (id: string, hash: string, mark: ReportMark) => call('mark_attachment', { id, hash, mark }),
  saveBrief: (id: string, lang: Lang, paper: Paper, format: Format) => call('save_brief', { id, lang, paper, format }),
  openSavedPdf: (path: string) => call('open_saved_pdf', { path }),
  listReportDefinitions: () => call('list_report_definitions'),
  saveReportDefinition: (definition: ReportDefinition) => call('save_report_definition', { definition }),
  listGeneratedReports: () => call('list_generated_reports'),
  openSpreadsheet: (dropped: string[] | null = null) => call('open_spreadsheet', { dropped }),
  chooseSheet: (sheet: string) => call('choose_sheet', { sheet }),
  mappingTargets: () => call('mapping_targets'),
  previewSpreadsheet: (mapping: Mapping) => call('preview_spreadsheet', { mapping }),
  draftsFromReportText: (text: string, period: string | null) => call('drafts_from_report_text', { text, period }),
  listBackups: () => call('list_backups'),
  backupNow: () => call('backup_now'),
  restoreBackup: (name: string) => call('restore_backup', { name }),
};

/** A long job: its progress arrives on `onProgress`; `cancel()` asks the backend to stop. */
export interface Job<T> {
  result: Promise<T>;
  cancel: () => Promise<boolean>;
}

let jobCounter = 0;

type Args<K extends CommandName> = Commands[K]['args'];
type Answer<K extends CommandName> = Commands[K]['result'];

/** Calls a command with exactly the arguments it declares (none for a command that takes none). */
export function call<K extends CommandName>(command: K, ...args: keyof Args<K> extends never ? [] : [Args<K>]): Promise<Answer<K>> {
  return invoke<Answer<K>>(command, args[0]);
}

/** The arguments of a long job, but for the job id and progress channel `startJob` adds. */
type JobArgs<K extends CommandName> = Omit<Args<K>, 'job' | 'progress'>;

export function startJob<K extends CommandName>(command: K, args: JobArgs<K>, onProgress: (p: Progress) => void): Job<Answer<K>> {
  const job = `job-${Date.now()}-${++jobCounter}`;
  const progress = new Channel<Progress>();
  progress.onmessage = onProgress;
  return {
    result: invoke<Answer<K>>(command, { ...args, job, progress }),
    cancel: () => call('cancel_job', { job }),
  };
}

export const jobs = {
  loadSampleData: (onProgress: (p: Progress) => void) => startJob('load_sample_data', {}, onProgress),
  savePeriodReport: (options: ReportDefinition, format: Format, onProgress: (p: Progress) => void) =>
    startJob('save_period_report', { options, format }, onProgress),
  saveCountryBrief: (options: CountryBriefOptions, format: Format, onProgress: (p: Progress) => void) =>
    startJob('save_country_brief', { options, format }, onProgress),
  savePartnerDossier: (options: PartnerDossierOptions, format: Format, onProgress: (p: Progress) => void) =>
    startJob('save_partner_dossier', { options, format }, onProgress),
  saveRegister: (lang: Lang, paper: Paper, format: Format, onProgress: (p: Progress) => void) => startJob('save_register', { lang, paper, format }, onProgress),
  planSpreadsheetImport: (mapping: Mapping, onProgress: (p: Progress) => void) => startJob('plan_spreadsheet_import', { mapping }, onProgress),
  importSpreadsheet: (withDuplicates: boolean, onProgress: (p: Progress) => void) => startJob('import_spreadsheet', { withDuplicates }, onProgress),
  exportActivities: (filter: FilterQuery, format: ExportFormat, lang: Lang, onProgress: (p: Progress) => void) =>
    startJob('export_activities', { filter: asFilter(filter), format, lang }, onProgress),
  exportArchive: (onProgress: (p: Progress) => void) => startJob('export_archive', {}, onProgress),
  importArchive: (onProgress: (p: Progress) => void) => startJob('import_archive', {}, onProgress),
};
