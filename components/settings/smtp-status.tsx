import { Card } from '@/components/ui/card';

/** Whether outgoing mail works; never shows the SMTP address or credentials. */
export function SmtpStatus({ configured }: { configured: boolean }) {
  return (
    <Card title="Email delivery" className="mt-6">
      {configured ? (
        <p className="text-sm text-gray-800">
          <span className="font-medium text-emerald-800">✓ SMTP is configured.</span> Invitations, password resets and surveys are sent by email.
        </p>
      ) : (
        <p className="text-sm text-gray-800">
          <span className="font-medium text-amber-800">SMTP is not configured.</span> Invitation and password reset links are shown on
          screen for you to copy and pass on, and outgoing mails are written to the server log instead of being sent. The server&apos;s
          operator sets <code className="rounded bg-gray-100 px-1">SMTP_URL</code> to turn email on.
        </p>
      )}
    </Card>
  );
}
