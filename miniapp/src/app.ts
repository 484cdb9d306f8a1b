import { createElement, type PropsWithChildren } from 'react';
import { api } from '@/adapters/api';
import { startPendingQueue } from '@/adapters/pending-queue';
import { listenForPrivacyRequests } from '@/adapters/privacy';
import { ApiProvider } from '@/hooks/api-context';
import './app.css';

// WeChat asks through one app-wide listener when a privacy API waits for the person's agreement.
listenForPrivacyRequests();
// Records kept on the phone while offline (待上传) go when the network returns or the app is shown again.
startPendingQueue(api);

/** Every page renders inside this: it hands the Taro-wired API client to the hooks. */
function App({ children }: PropsWithChildren) {
  return createElement(ApiProvider, { client: api }, children);
}

export default App;
