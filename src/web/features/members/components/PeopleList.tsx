import { List, Text } from "@mantine/core";

const SHOWN = 10;

/** Who an action is about, in a confirmation: the first ten by name, then "and N more". */
export function PeopleList({ people, label }: { people: { name: string; detail: string }[]; label: string }) {
  const rest = people.length - SHOWN;
  return (
    <>
      <List size="sm" spacing={2} my="xs" aria-label={label}>
        {people.slice(0, SHOWN).map((person) => (
          <List.Item key={`${person.name} ${person.detail}`}>
            {person.name}{" "}
            <Text span size="sm" c="dimmed">
              ({person.detail})
            </Text>
          </List.Item>
        ))}
      </List>
      {rest > 0 && (
        <Text size="sm" mb="xs">
          and {rest} more.
        </Text>
      )}
    </>
  );
}
