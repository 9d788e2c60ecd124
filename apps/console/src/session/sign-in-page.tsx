import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type SyntheticEvent, useState } from 'react';
import { errorMessage } from '../api/problem';
import { useSignIn } from './session';

// The API key is pasted once and exchanged for an HttpOnly session cookie; the key is not kept in the page.
export function SignInPage() {
  const [apiKey, setApiKey] = useState('');
  const signIn = useSignIn();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    signIn.mutate(apiKey.trim(), { onSuccess: () => setApiKey('') });
  };

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <form onSubmit={submit} aria-labelledby="sign-in-title">
          <Stack>
            <Title id="sign-in-title" order={1} size="h2">
              Sign in to Seatwise
            </Title>
            <Text size="sm" c="dimmed">
              Paste an API key. It is exchanged for a session that ends when you sign out or after a few hours.
            </Text>
            <PasswordInput
              label="API key"
              autoComplete="off"
              required
              value={apiKey}
              onChange={(e) => setApiKey(e.currentTarget.value)}
            />
            {signIn.isError && (
              <Alert color="red" title="Sign-in failed" role="alert">
                {errorMessage(signIn.error)}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} disabled={apiKey.trim() === ''}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
