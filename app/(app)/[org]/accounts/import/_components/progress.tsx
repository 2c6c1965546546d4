/** A labelled progress bar: determinate while uploading, indeterminate while the server works. */
export function Progress({ label, percent }: { label: string; percent: number | null }) {
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? label : `${percent}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div
          className={`h-full rounded-full bg-blue-700 ${percent === null ? 'w-1/3 animate-pulse' : 'transition-[width]'}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p role="status" className="text-sm text-gray-700">{percent === null ? label : `${label} ${percent}%`}</p>
    </div>
  );
}
