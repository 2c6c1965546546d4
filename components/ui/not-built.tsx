import { Card } from './card';

/** Says plainly that a section is not built yet, instead of pretending. */
export function NotBuilt({ feature, comesWith }: { feature: string; comesWith: string }) {
  return (
    <Card>
      <p className="text-sm text-gray-700">
        <strong>{feature} is not built yet.</strong> It arrives with {comesWith}. Nothing on this page is a placeholder number.
      </p>
    </Card>
  );
}
