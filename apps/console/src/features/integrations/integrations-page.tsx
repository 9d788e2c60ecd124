import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { AdminOnly } from '../../session/admin-only';
import { PageHeader } from '../../shell/page-header';
import { ConnectDuoWizard } from './connect-duo-wizard';
import { DuoSection } from './duo-section';
import { PsaSection } from './psa-section';

export function IntegrationsPage() {
  const [wizardOpen, wizard] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where seats are counted (Duo) and where they are billed (PSA)."
        actions={
          <AdminOnly>
            <Button onClick={wizard.open}>Connect Duo</Button>
          </AdminOnly>
        }
      />
      <Stack gap="xl">
        <DuoSection />
        <PsaSection />
      </Stack>
      {/* Mounted only while open, so every connection starts from an empty wizard. */}
      {wizardOpen && <ConnectDuoWizard onClose={wizard.close} />}
    </>
  );
}
