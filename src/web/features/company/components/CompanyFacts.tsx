import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface Fact {
  label: string;
  value: ReactNode;
}

/** A few labelled figures as a description list (label above value), wrapping on small screens. */
export function CompanyFacts({ facts }: { facts: Fact[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(facts.length, 4) }} spacing="md" component="dl" m={0}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0} fw={500} size="lg" style={{ overflowWrap: "anywhere" }}>
            {fact.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
