/** The classes of a filter form's controls (selects and the search box). */
export const filterControl = 'mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm';

export type FilterOption = { value: string; label: string };

/** One labelled select of a GET filter form; its value lands in the URL under `name`. */
export function FilterSelect({ id, label, name, value, options }: { id: string; label: string; name: string; value: string; options: FilterOption[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">{label}</label>
      <select id={id} name={name} defaultValue={value} className={filterControl}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
