import { css } from 'lit';

export const styles = css`
  li {
    display: flex;
    flex-direction: column;
    padding: 6px 0;
    border-bottom: 1px solid #ebeff3;
  }
  .notes {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
