import Foundation

/// The MicrosoftTeams module's release history (facts §6.4) and which of the commands teamsh
/// implements each version exports: the data the default gallery catalog is built from.
public enum MicrosoftTeamsReleases {
    public static let moduleName = "MicrosoftTeams"

    /// Every version of the facts' table up to and including 7.7.0 (`6.7.x` read as 6.7.0), with
    /// its publication day. Where the facts give only a month, the day is a simulator choice; the
    /// days of 6.7.0, 6.8.0, 6.9.0, 7.0.0 and 7.7.0 are unknown and chosen to keep the order.
    public static let publishedDays: [(version: String, day: String)] = [
        ("1.0.4", "2020-02-14"), ("1.0.5", "2020-03-17"), ("1.0.6", "2020-04-15"), ("1.0.7", "2020-06-10"),
        ("1.1.3-preview", "2020-06-24"), ("1.1.4", "2020-07-15"), ("1.1.5-preview", "2020-09-02"),
        ("1.1.6", "2020-09-23"), ("1.1.7-preview", "2020-11-04"), ("1.1.8-preview", "2020-11-18"),
        ("1.1.9-preview", "2020-12-02"), ("1.1.10-preview", "2020-12-16"), ("1.1.11-preview", "2021-02-10"),
        ("2.0.0", "2021-03-10"), ("2.1.0", "2021-04-07"), ("2.2.0-preview", "2021-04-21"), ("2.3.1", "2021-05-12"),
        ("2.3.2-preview", "2021-05-26"), ("2.4.0-preview", "2021-06-16"), ("2.4.1-preview", "2021-07-14"),
        ("2.5.1", "2021-08-18"), ("2.5.2-preview", "2021-09-08"), ("2.6.0", "2021-09-22"),
        ("2.6.1-preview", "2021-10-20"), ("2.6.2-preview", "2021-11-03"), ("3.0.0", "2021-11-17"),
        ("3.0.1-preview", "2021-12-08"), ("3.1.0", "2022-01-12"), ("3.1.1", "2022-02-09"),
        ("3.2.0-preview", "2022-02-23"), ("4.0.0", "2022-03-02"), ("4.0.1-preview", "2022-03-09"),
        ("4.1.0", "2022-03-23"), ("4.2.0", "2022-04-06"), ("4.2.1-preview", "2022-04-20"), ("4.3.0", "2022-05-04"),
        ("4.3.1-preview", "2022-05-11"), ("4.4.1", "2022-05-25"), ("4.4.3-preview", "2022-06-08"),
        ("4.5.0", "2022-06-22"), ("4.5.1-preview", "2022-07-06"), ("4.6.0", "2022-07-20"),
        ("4.6.1-preview", "2022-08-17"), ("4.7.0", "2022-09-07"), ("4.7.1-preview", "2022-09-21"),
        ("4.8.0", "2022-10-05"), ("4.8.1-preview", "2022-10-12"), ("4.9.0", "2022-10-26"), ("4.9.1", "2022-11-16"),
        ("4.9.2-preview", "2023-01-11"), ("4.9.3", "2023-01-25"), ("4.9.4-preview", "2023-02-15"),
        ("5.0.0", "2023-03-01"), ("5.0.1-preview", "2023-03-15"), ("5.1.0", "2023-03-29"),
        ("5.1.1-preview", "2023-04-19"), ("5.2.0", "2023-05-03"), ("5.2.1-preview", "2023-05-24"),
        ("5.3.0", "2023-06-14"), ("5.3.1-preview", "2023-07-05"), ("5.4.0", "2023-07-19"), ("5.5.0", "2023-08-09"),
        ("5.5.1-preview", "2023-08-23"), ("5.6.0", "2023-09-13"), ("5.6.1-preview", "2023-10-02"),
        ("5.7.0", "2023-10-11"), ("5.7.1", "2023-10-20"), ("5.7.2-preview", "2023-10-31"), ("5.8.0", "2023-11-16"),
        ("5.8.1-preview", "2023-12-05"), ("5.9.0", "2024-01-24"), ("6.0.0", "2024-02-20"),
        ("6.0.1-preview", "2024-03-06"), ("6.1.0", "2024-04-04"), ("6.1.1-preview", "2024-04-24"),
        ("6.2.0", "2024-05-15"), ("6.2.2-preview", "2024-05-30"), ("6.3.0", "2024-06-05"), ("6.4.0", "2024-06-19"),
        ("6.4.1-preview", "2024-07-25"), ("6.5.0", "2024-08-09"), ("6.5.1-preview", "2024-08-23"),
        ("6.6.0", "2024-10-03"), ("6.6.1-preview", "2024-10-30"), ("6.7.0", "2024-11-20"), ("6.8.0", "2025-01-15"),
        ("6.9.0", "2025-02-19"), ("7.0.0", "2025-04-09"), ("7.0.1-preview", "2025-05-21"), ("7.1.0", "2025-06-04"),
        ("7.1.1-preview", "2025-06-16"), ("7.2.0", "2025-07-04"), ("7.2.1-preview", "2025-07-22"),
        ("7.3.0", "2025-08-11"), ("7.3.1", "2025-08-21"), ("7.3.2-preview", "2025-09-05"), ("7.4.0", "2025-10-06"),
        ("7.5.0", "2025-11-11"), ("7.5.1-preview", "2025-12-15"), ("7.7.0", "2026-01-21"),
    ]

    /// Commands teamsh implements outside the policy-type cmdlets, with the first version that
    /// exports each. The team cmdlets predate the catalog's first version (1.0.4); batch
    /// assignment arrived in 1.0.5 and group policy assignment in 1.1.4 (SFB-RN); the `*-Cs*`
    /// user and voice cmdlets became module commands with Connect-MicrosoftTeams as single entry
    /// point in 2.0.0.
    public static let commandsIntroduced: [(command: String, since: String)] = [
        ("Add-TeamUser", "1.0.4"),
        ("Connect-MicrosoftTeams", "1.0.4"),
        ("Disconnect-MicrosoftTeams", "1.0.4"),
        ("Get-Team", "1.0.4"),
        ("Get-TeamUser", "1.0.4"),
        ("New-Team", "1.0.4"),
        ("Remove-Team", "1.0.4"),
        ("Remove-TeamUser", "1.0.4"),
        ("Get-CsBatchPolicyAssignmentOperation", "1.0.5"),
        ("New-CsBatchPolicyAssignmentOperation", "1.0.5"),
        ("Get-CsGroupPolicyAssignment", "1.1.4"),
        ("New-CsGroupPolicyAssignment", "1.1.4"),
        ("Remove-CsGroupPolicyAssignment", "1.1.4"),
        ("Set-CsGroupPolicyAssignment", "1.1.4"),
        ("Get-CsUserPolicyAssignment", "1.1.4"),
        ("Get-CsOnlineUser", "2.0.0"),
        ("Get-CsTenant", "2.0.0"),
        ("Get-CsOnlinePstnUsage", "2.0.0"),
        ("Set-CsOnlinePstnUsage", "2.0.0"),
        ("New-CsVoiceNormalizationRule", "2.0.0"),
    ]

    /// The module description of the gallery and the manifest (MT770 `MicrosoftTeams.psd1`).
    public static let description =
        "Microsoft Teams cmdlets module for Windows PowerShell and PowerShell Core.\n\n"
        + "For more information, please visit the following: "
        + "https://docs.microsoft.com/MicrosoftTeams/teams-powershell-overview"

    /// The manifest GUID of MicrosoftTeams.
    public static let moduleGuid = "d910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9"

    /// The commands a MicrosoftTeams version exports, alphabetically: the fixed commands above
    /// plus the five cmdlets of each policy type of the catalog that the version has.
    public static func exportedCommands(for version: ModuleVersion, catalog: PolicyCatalog = .standard) -> [String] {
        let commands = catalog == .standard ? standardCommandsByName : commandsByName(catalog)
        return commands.filter { $0.since <= version }.map(\.name)
    }

    /// Every command any version exports with the standard catalog, sorted once by name (the
    /// default world lists the commands of about a hundred versions at start-up).
    private static let standardCommandsByName = commandsByName(.standard)

    /// Every command any version exports, with the version that brought it, sorted by name.
    private static func commandsByName(_ catalog: PolicyCatalog) -> [(name: String, since: ModuleVersion)] {
        var commands: [(name: String, since: ModuleVersion, key: String)] = []
        for entry in commandsIntroduced {
            if let since = ModuleVersion(entry.since) { commands.append((entry.command, since, entry.command.lowercased())) }
        }
        for descriptor in catalog.descriptors {
            for name in descriptor.cmdletNames { commands.append((name, descriptor.introducedIn, name.lowercased())) }
        }
        return commands.sorted { $0.key < $1.key }.map { ($0.name, $0.since) }
    }

    /// The gallery entry of MicrosoftTeams with every version of `publishedDays`.
    public static func galleryModule() -> GalleryModule {
        let versions = publishedDays.compactMap { entry -> GalleryModuleVersion? in
            guard let version = ModuleVersion(entry.version), let date = SimulatedDates.parse(entry.day + "T17:00:00Z")
            else { return nil }
            return GalleryModuleVersion(release: version, publishedDate: date, catalog: .standard)
        }
        return GalleryModule(
            name: moduleName, description: description, author: "Microsoft Corporation",
            companyName: "Microsoft Corporation", copyright: "Microsoft Corporation. All rights reserved.",
            guid: moduleGuid, projectUri: "https://docs.microsoft.com/MicrosoftTeams/teams-powershell-overview",
            licenseUri: "https://aka.ms/privacy", tags: ["Office365", "MicrosoftTeams", "Teams"], moduleType: "Script",
            compatiblePSEditions: ["Core", "Desktop"], powerShellVersion: "5.1", versions: versions)
    }
}

/// Which signature family a MicrosoftTeams version gives its policy cmdlets (facts §1): the
/// 2021-era shapes (`Identity`/`Filter` typed Object in one set, `-LocalStore`, `-InMemory`,
/// `-Force`) up to 3.0.x, the generated proxy shapes of module 7.7.0 from 3.1.0 on.
public enum PolicyCmdletShape: String, Sendable {
    case xdsObject2021
    case modernProxy

    public static func forModule(_ version: ModuleVersion) -> PolicyCmdletShape {
        let firstModern = ModuleVersion([3, 1, 0], prerelease: nil)
        // 3.0.1-preview still had the old shapes (3.1.0 is the first checked with the new ones).
        return version.release >= firstModern ? .modernProxy : .xdsObject2021
    }
}

/// Fixed instants written as ISO 8601 UTC text (`2026-02-02T09:00:00Z`), so the default world
/// never reads the system clock. Parsed by hand: the default world is built on every run and a
/// date formatter per date would cost more than the rest of it.
public enum SimulatedDates {
    /// `YYYY-MM-DDTHH:MM:SSZ` to a Date; nil for any other shape.
    public static func parse(_ text: String) -> Date? {
        let units = Array(text.utf8)
        guard units.count == 20, units[4] == UInt8(ascii: "-"), units[7] == UInt8(ascii: "-"),
            units[10] == UInt8(ascii: "T"), units[13] == UInt8(ascii: ":"), units[16] == UInt8(ascii: ":"),
            units[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for unit in units[range] {
                guard unit >= UInt8(ascii: "0"), unit <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(unit - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
