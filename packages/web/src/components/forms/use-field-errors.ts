import { useCallback, useEffect, useState } from "react";
import type { FieldErrors } from "./field-errors.js";

/**
 * A form's errors: set at each submission (or from the API's answer, `external`), and each one
 * dropped as soon as its field is edited, so that a corrected field stops saying it is wrong.
 */
export function useFieldErrors(external?: FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>(external ?? {});
  useEffect(() => {
    if (external) setErrors(external);
  }, [external]);
  const clear = useCallback((...fields: string[]) => {
    setErrors((current) => {
      if (!fields.some((field) => field in current)) return current;
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });
  }, []);
  return { errors, setErrors, clear };
}
