// DOM matchers (toBeInTheDocument, toHaveAccessibleName...) for the component tests.
import '@testing-library/jest-dom';
