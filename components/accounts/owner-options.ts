import { roleLabels } from '@/lib/auth/roles';
import type { MemberRow } from '@/lib/dal/members';

/** The owner select's options: every member, with their role so CSMs stand out. */
export const ownerOptions = (members: MemberRow[]) => members.map((m) => ({ id: m.userId, label: `${m.name} (${roleLabels[m.role]})` }));
