import { Alert, FileInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type PsaConnection, type PsaImport, useImportPsa } from './psa-queries';

// For MSPs without a supported PSA: companies, products and agreement lines from a JSON file. Into a given
// import connection, the file replaces its previous import; otherwise it creates a new import connection.
export function ImportJsonInput({ into }: { into?: PsaConnection }) {
  const importPsa = useImportPsa();
  const [readError, setReadError] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    if (file === null) return;
    setReadError(null);
    importPsa.reset();
    const body = await readImport(file, into?.id);
    if (typeof body === 'string') {
      setReadError(body);
      return;
    }
    importPsa.mutate(body, {
      onSuccess: ({ connection, counts }) =>
        notifications.show({
          color: 'green',
          title: `Imported into ${connection.name}`,
          message: `${counts.companies} companies, ${counts.products} products, ${counts.agreementLines} agreement lines`,
        }),
      onError: (error) => notifications.show({ color: 'red', title: 'Import refused', message: errorMessage(error) }),
    });
  };

  const label = into ? `Re-import JSON into ${into.name}` : 'Import JSON';
  const problem = readError ?? (importPsa.isError ? errorMessage(importPsa.error) : null);
  return (
    <Stack gap={4}>
      <FileInput
        size="xs"
        label={label}
        aria-label={label}
        // The hidden file input behind the button, named so that a test (or a script) can hand it a file.
        fileInputProps={{ 'aria-label': `${label} (file)` }}
        placeholder="Choose a .json file"
        accept="application/json,.json"
        value={null}
        onChange={(file) => void upload(file)}
        disabled={importPsa.isPending}
      />
      {problem !== null && (
        <Alert color="red" title="The file was not imported" role="alert" p="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {problem}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

// The file as the import body, or why it cannot be one. The gateway checks its shape and answers each field
// error; here only what it cannot see: whether the file is JSON at all. A file without a name is named after
// the file.
async function readImport(file: File, connectionId: string | undefined): Promise<PsaImport | string> {
  let text: string;
  try {
    text = await readText(file);
  } catch {
    return `${file.name} could not be read.`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return `${file.name} is not valid JSON.`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `${file.name} must hold one JSON object with name, companies, products and agreementLines.`;
  }
  const fields = parsed as Record<string, unknown>;
  // Unchecked on purpose: the gateway validates the body and names every wrong field in its answer.
  return {
    ...fields,
    name: fields['name'] ?? file.name.replace(/\.json$/i, ''),
    ...(connectionId === undefined ? {} : { connectionId }),
  } as PsaImport;
}

// FileReader rather than Blob.text(): every browser has it, and so has the DOM the specs run in.
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('unreadable'));
    };
    reader.readAsText(file);
  });
}
