import { RedirectBridge } from '@/components/redirect-bridge';

export const dynamic = 'force-dynamic';

export default function RedirectPage() {
  return <RedirectBridge />;
}
