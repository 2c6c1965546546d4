/** Hidden inputs that carry search params through a GET form (so applying one thing keeps the rest). */
export function HiddenParams({ params }: { params: Record<string, string> }) {
  return (
    <>
      {Object.entries(params).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
    </>
  );
}
