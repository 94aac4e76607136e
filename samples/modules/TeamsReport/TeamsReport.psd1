@{
    RootModule        = 'TeamsReport.psm1'
    ModuleVersion     = '1.4.0'
    GUID              = '5d1e7c3a-2b4f-4a8e-9c61-7f0d3b2a1e90'
    Description       = 'Reporting helpers for Teams admin scripts'
    FunctionsToExport = 'Get-ReportLine'
}
