import { PortalHome } from '@/components/portal-home';

export default function HomePage() {
  return <PortalHome />;
}
