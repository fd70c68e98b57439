// A React partner site's component, compiled (tsc --noEmit, in `npm test`)
// against the built wrapper's declarations.
import { CustomerRegister } from 'customer-register/react';

export function SignUp({ onCustomer }: { onCustomer: (customerNo: string) => void }) {
  return (
    <CustomerRegister
      companyId="partner-1"
      host="https://gateway.example.com"
      lang="ja-JP"
      methods="email phone"
      password="optional"
      // Unconfirmed (the gateway's answer was lost; the account exists) carries no customerNo.
      onRegistered={(event) => event.detail.confirmed && onCustomer(event.detail.customerNo)}
      onStepChange={(event) => console.log(event.detail.step)}
      onRegisterError={(event) => console.warn(event.detail.code, event.detail.message)}
      onAccountExists={(event) => console.log(event.detail.loginName, event.detail.loginUrl)}
      loginUrl="/signin"
      providerLayout="icons"
    />
  );
}

// @ts-expect-error: the detail carries customerNo, not customerNumber.
export const wrong = <CustomerRegister companyId="x" onRegistered={(event) => event.detail.customerNumber} />;
