// A progress bar with its figure, accessible as a progressbar.
export const ProgressBar = ({ percent, label, state }: { percent: number; label?: string; state?: string }) => {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <div class={`progress ${state ?? ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)} aria-label={label}>
      <div class="fill" style={{ width: `${value}%` }} />
      <span class="figure">{label ?? `${Math.round(value)} %`}</span>
    </div>
  );
};

export const StatusBadge = ({ status }: { status: string }) => (
  <span class={`badge status-${status}`} data-status={status}>
    {status}
  </span>
);
