import { css } from 'lit';

export const styles = css`
  :host {
    padding: 12px 16px;
  }
`;
