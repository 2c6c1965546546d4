import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-gray-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-blue-700 underline">Go to your workspace</Link>
    </main>
  );
}
