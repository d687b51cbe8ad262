import { Anchor, Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

interface PublicPageProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Setup has more fields than sign-in, so it gets a wider card. */
  width?: number;
}

/** The centred card that frames every page a signed-out visitor sees. */
export function PublicPage({ title, description, children, width = 420 }: PublicPageProps) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={width} component="main">
        <Stack gap="lg">
          <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.7" ta="center" underline="never">
            Confero
          </Anchor>
          <Paper withBorder shadow="sm" radius="md" p={{ base: "md", sm: "xl" }}>
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {description && (
                  <Text c="dimmed" size="sm" mt={4}>
                    {description}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Box>
    </Center>
  );
}
