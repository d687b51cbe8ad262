import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";

interface SearchInputProps {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
}

/** A search box that asks the server only once typing pauses, not on every keystroke. */
export function SearchInput({ label, value, onSearch, placeholder }: SearchInputProps) {
  const [text, setText] = useState(value);
  const search = useDebouncedCallback(onSearch, 300);

  // Follow the address when it changes from outside (Back button, a link).
  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value.trim());
      }}
      w={{ base: "100%", xs: 320 }}
    />
  );
}
