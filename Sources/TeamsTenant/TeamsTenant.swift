/// TeamsTenant: the simulated world, as plain Swift that imports nothing of PowerShell.
///
/// Where to start:
/// - `World` (World/World.swift): the whole state of a session — `machine`, `installedModules`,
///   `repositories`, `gallery`, `tenant`, `random` — and the operations that need its clock or
///   generator (`install`, `uninstall`, `startCall`, `stopCall`, `grantPolicyToGroup`, …).
///   `World.defaultWorld()` is spec §1's world; `WorldStore` reads and saves it as JSON.
/// - `Tenant` (Tenant/): users, groups, policy instances and assignments; the policy operations
///   behind New/Get/Set/Remove/Grant (Tenant+Policies.swift), client settings and calls
///   (Calls/Tenant+Calls.swift). Refusals are `TenantError`s whose `message` is the text to show.
/// - `PolicyCatalog` / `PolicyTypeDescriptor` (Policies/): one descriptor per policy type; the cmdlets,
///   their parameters, validation and list view are generated from it.
/// - `ModuleVersion`, `GalleryCatalog`, `InstalledModule`, `MicrosoftTeamsReleases`: modules.
/// - `SHA256`, `SeededGenerator`, `SecurityCode`, `WildcardPattern`: support.
enum TeamsTenantTarget {}
