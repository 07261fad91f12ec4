import '../../styles/study.css';

/** A progress bar; without `value` it shows indeterminate activity. */
export function ProgressBar({ label, value }: { label: string; value?: number }) {
  return (
    <div className="study-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
      aria-valuenow={value === undefined ? undefined : Math.round(value * 100)}>
      <div className={value === undefined ? 'bar indeterminate' : 'bar'} style={value === undefined ? undefined : { width: `${value * 100}%` }} />
      <span className="study-progress-label">{label}</span>
    </div>
  );
}
