# Evidence: about_Classes (Example 1 minimal class, creating instances with ::new() and with a
# hashtable through the default constructor), about_Classes_Properties (Example 1: string
# properties default to $null, value types to their default; hidden properties, static
# properties), about_Classes_Methods ("no objects get sent to the pipeline except those
# specified in the return statement"; overloads; static methods; $this),
# about_Classes_Constructors (overloaded constructors, default constructor).
class Device {
    [string]$Brand
    [string]$Model
    [int]$Size
    hidden [int]$Secret = 7
    static [int]$Count = 0
    Device() { [Device]::Count++ }
    Device([string]$brand, [string]$model) {
        $this.Brand = $brand
        $this.Model = $model
        [Device]::Count++
    }
    [string] Describe() { return "$($this.Brand) $($this.Model)" }
    [string] Describe([string]$prefix) { return "$prefix $($this.Describe())" }
    [int] Calc() { 'not output'; return 5 }
    static [string] Kind() { return 'device' }
    [string] ToString() { return "Device<$($this.Brand)>" }
}
$d = [Device]::new('Fabrikam', 'X1')
$d.Describe()
$d.Describe('>>')
$d.Calc()
[Device]::Kind()
"$d"
$e = [Device]::new()
$null -eq $e.Brand
$e.Size
[Device]::Count
$h = [Device]@{ Brand = 'Contoso'; Model = 'Z' }
$h.Describe()
[Device]::Count
$d.Secret
$d -is [Device]
$d.GetType().Name
$d.Size = '42'
$d.Size.GetType().Name
(@($d, $e, $h) | ForEach-Object Brand) -join ','
