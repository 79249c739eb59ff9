import type { ButtonHTMLAttributes } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  primary?: boolean;
}

/** The toolbar's button: visible focus ring, clear disabled state. */
export function Button({ primary = false, className = '', ...rest }: Props) {
  return (
    <button
      type="button"
      className={`btn inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ${
        primary ? 'btn-primary' : 'btn-secondary'
      } ${className}`}
      {...rest}
    />
  );
}
