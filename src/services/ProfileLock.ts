/**
 * One ask-nix at a time changes a profile. `hold` takes the profile's lock for the rest of the scope
 * (released when the scope closes: on success, failure and interruption; a killed holder's lock is
 * recognised as abandoned), waiting for another holder with `onWait` said once, up to a bound.
 */
import { Context, type Effect, type Scope } from "effect"
import type { ProfileBusy, ProfileNotWritable } from "../domain/errors.js"

export interface ProfileLockShape {
  readonly hold: (profile: string, onWait: (holderPid: number) => Effect.Effect<void>) =>
    Effect.Effect<void, ProfileBusy | ProfileNotWritable, Scope.Scope>
}

export class ProfileLock extends Context.Tag("ask-nix/ProfileLock")<ProfileLock, ProfileLockShape>() {}
