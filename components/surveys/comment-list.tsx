import Link from 'next/link';
import type { Comment } from '@/lib/dal/survey-results';
import { formatDay } from './labels';

/** Comments newest first, each with its score, account and stakeholder ("Anonymous link" when it has none). */
export function CommentList({ orgSlug, rows, timezone }: { orgSlug: string; rows: Comment[]; timezone: string }) {
  if (rows.length === 0) return <p className="text-sm text-gray-700">No comments yet.</p>;
  return (
    <ul className="divide-y divide-gray-100">
      {rows.map((c) => (
        <li key={c.id} className="py-3">
          <p className="whitespace-pre-wrap text-sm text-gray-900">{c.comment}</p>
          <p className="mt-1 text-xs text-gray-700">
            Score <strong className="font-semibold">{c.score}</strong> ·{' '}
            {c.accountId ? (
              <><Link href={`/${orgSlug}/accounts/${c.accountId}`} className="text-blue-700 underline underline-offset-2">{c.accountName}</Link>{c.stakeholderName ? `, ${c.stakeholderName}` : ''}</>
            ) : 'Anonymous link'}
            {' '}· {formatDay(c.createdAt, timezone)}
          </p>
        </li>
      ))}
    </ul>
  );
}
