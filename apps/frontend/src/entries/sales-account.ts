import { mountCallList } from '../mount';

mountCallList(document, []);
