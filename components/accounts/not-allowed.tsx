import Link from 'next/link';
import { Card } from '@/components/ui/card';

/** What a viewer sees on a create or edit URL: no form, a plain reason and a way back. */
export function NotAllowed({ what, backHref }: { what: string; backHref: string }) {
  return (
    <Card>
      <p className="text-sm text-gray-800">Only CSMs and admins can {what}. Your role in this org is Viewer.</p>
      <p className="mt-3 text-sm"><Link href={backHref} className="text-blue-700 underline underline-offset-2">Back to accounts</Link></p>
    </Card>
  );
}
