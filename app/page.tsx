import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';
import { listUserOrgs } from '@/lib/dal/users';

/** Signed-in users land on their first org; everyone else on the sign-in page. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  const [first] = await listUserOrgs(user.id);
  redirect(first ? `/${first.slug}` : '/signup');
}
