import { mount } from '../mount';
import '../modal/modal-root';

void mount('cb-modal-root', (root, { host }) => {
  root.host = host;
});
