/**
 * `<CustomerRegister>` for React sites (`import { CustomerRegister } from 'customer-register/react'`):
 * the same element, with its properties as props and its events as `onRegistered`,
 * `onStepChange`, `onRegisterError` and `onAccountExists`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CustomerRegister as CustomerRegisterElement } from './customer-register.js';
import type { AccountExistsDetail, RegisterErrorDetail, RegisteredDetail, StepChangeDetail } from './core/embedding/events.js';

export const CustomerRegister = createComponent({
  tagName: 'customer-register',
  elementClass: CustomerRegisterElement,
  react: React,
  displayName: 'CustomerRegister',
  events: {
    onRegistered: 'registered' as EventName<CustomEvent<RegisteredDetail>>,
    onStepChange: 'step-change' as EventName<CustomEvent<StepChangeDetail>>,
    onRegisterError: 'register-error' as EventName<CustomEvent<RegisterErrorDetail>>,
    onAccountExists: 'account-exists' as EventName<CustomEvent<AccountExistsDetail>>,
  },
});
