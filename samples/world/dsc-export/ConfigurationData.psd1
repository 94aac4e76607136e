@{
    AllNodes = @(
        @{
            NodeName                    = "localhost"
            PSDSCAllowPlainTextPassword = $true;
            PSDSCAllowDomainUser        = $true;
            #region Parameters
            # Default Value Used to Ensure a Configuration Data File is Generated
            ServerNumber = "0"

        }
    )
    NonNodeData = @(
        @{
            # Tenant's default verified domain name
            OrganizationName = "JayTheAmazing.onmicrosoft.com"

        }
    )
}
