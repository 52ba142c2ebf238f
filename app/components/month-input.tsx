/** A month of the period filter (YYYY-MM; a plain text field where the browser has no month picker). */
export function MonthInput({ name, label, value }: { name: string; label: string; value?: string | null }) {
  return (
    <label className="text-sm">
      <span className="label">{label}</span>
      <input
        type="month"
        name={name}
        defaultValue={value ?? ''}
        pattern="\d{4}-\d{2}"
        placeholder="YYYY-MM"
        className="input"
      />
    </label>
  )
}
