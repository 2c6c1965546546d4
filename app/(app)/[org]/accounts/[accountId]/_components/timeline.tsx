import Link from 'next/link';
import { NoteActions, type NoteActionSet } from '@/components/notes/note-actions';
import { describeChanges, type TimelinePage } from '@/lib/dal/events';
import { formatDate } from '@/lib/format';

type Props = {
  page: TimelinePage; olderHref: string | null; newestHref: string | null;
  /** CSMs and up: edit and delete notes */
  noteActions?: NoteActionSet; today?: string;
};

const actorOf = (e: TimelinePage['events'][number]) =>
  e.actorName ?? (e.actorType === 'api_key' ? 'API' : e.actorType === 'system' ? 'System' : 'Former member');

/** The account's history, newest first; notes in full; "older" pages by keyset in SQL. */
export function Timeline({ page, olderHref, newestHref, noteActions, today }: Props) {
  if (page.events.length === 0) {
    return <p className="text-sm text-gray-700">{newestHref ? 'No older events.' : 'Nothing has happened on this account yet.'}</p>;
  }
  return (
    <>
      <ol className="space-y-3" aria-label="Timeline">
        {page.events.map((e) => (
          <li key={e.id} className="border-l-2 border-gray-200 pl-3 text-sm">
            {e.kind === 'note' && e.body ? (
              <>
                <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">Note</p>
                <p className="whitespace-pre-wrap break-words text-gray-900">{e.body}</p>
              </>
            ) : (
              <p className="break-words text-gray-900">{e.summary}</p>
            )}
            {/* a summary cut at 200 characters keeps the full change list one click away */}
            {e.changedFrom && e.changedTo && e.summary.endsWith('…') ? (
              <details className="text-xs text-gray-700"><summary className="cursor-pointer">All changes</summary>{describeChanges(e.changedFrom, e.changedTo)}</details>
            ) : null}
            <p className="text-xs text-gray-600">
              <time dateTime={e.occurredAt.toISOString()}>{formatDate(e.noteDate ?? e.occurredAt)}</time> · {actorOf(e)}
              {e.kind === 'note' && e.editedAt ? <> · edited {formatDate(e.editedAt)}</> : null}
            </p>
            {e.kind === 'note' && e.body && noteActions && today ? (
              <NoteActions noteId={e.id} body={e.body} date={e.noteDate ?? today} today={today} actions={noteActions} />
            ) : null}
          </li>
        ))}
      </ol>
      {olderHref || newestHref ? (
        <nav aria-label="Timeline pages" className="mt-4 flex gap-2 text-sm">
          {newestHref ? <Link href={newestHref} className="rounded-md border border-gray-300 bg-white px-3 py-1">Newest events</Link> : null}
          {olderHref ? <Link href={olderHref} className="rounded-md border border-gray-300 bg-white px-3 py-1">Older events</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
