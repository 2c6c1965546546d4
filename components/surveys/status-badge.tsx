import type { SurveyStatus } from '@/db/schema/enums';
import { STATUS_LABELS } from './labels';

const tone: Record<SurveyStatus, string> = {
  draft: 'border-gray-300 bg-gray-50 text-gray-800',
  open: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  closed: 'border-gray-300 bg-white text-gray-700',
};

/** A survey's status as a word in a pill (the word, not the colour, carries it). */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tone[status]}`}>{STATUS_LABELS[status]}</span>;
}
