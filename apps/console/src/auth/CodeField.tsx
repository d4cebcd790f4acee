import type { Ref } from 'preact';
import { normaliseCode } from './totp-logic.ts';

interface CodeFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of the problem text, when one is shown. */
  describedBy?: string | undefined;
  isInvalid?: boolean;
}

/**
 * A labelled 6-digit code field: the phone's number pad (`inputmode`), the code the OS offers
 * (`one-time-code`), and only digits kept, whatever is typed or pasted ("123 456" fits: no
 * `maxLength` cuts a paste short). Completeness is checked on submit, in words, not by the
 * browser's own bubble.
 */
export function CodeField({ id, label, value, onChange, inputRef, describedBy, isInvalid = false }: CodeFieldProps) {
  return (
    <div class="code-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef ?? null}
        class="otp"
        inputMode="numeric"
        autocomplete="one-time-code"
        spellcheck={false}
        aria-invalid={isInvalid}
        aria-describedby={describedBy}
        value={value}
        onInput={(event) => {
          const code = normaliseCode(event.currentTarget.value);
          // Write back at once, so a typed letter never shows even for a frame.
          event.currentTarget.value = code;
          onChange(code);
        }}
      />
    </div>
  );
}
