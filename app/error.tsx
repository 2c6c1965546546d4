'use client';

/** Shown for unexpected errors: a plain message, never a stack trace or a driver message. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-gray-700">The problem was logged. Try again, or come back in a moment.</p>
      <button type="button" onClick={reset} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white">Try again</button>
    </main>
  );
}
