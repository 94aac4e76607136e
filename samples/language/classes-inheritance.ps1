# Evidence: about_Classes_Inheritance (a derived class inherits properties and methods, can
# override them, chains constructors with ": base(...)"; the base default constructor runs
# for a derived class without constructors), about_Classes_Methods (calling the base
# implementation by casting $this to the base type), about_Type_Operators (-is with a base
# type).
class Animal {
    [string]$Name
    [string]$Sound = 'generic noise'
    Animal() { $this.Name = 'unnamed' }
    Animal([string]$name) { $this.Name = $name }
    [string] Speak() { return "$($this.Name) makes $($this.Sound)" }
    [string] Kind() { return 'animal' }
}
class Dog : Animal {
    Dog([string]$name) : base($name) { $this.Sound = 'woof' }
    [string] Kind() { return 'dog' }
    [string] BaseKind() { return ([Animal]$this).Kind() }
}
class Cat : Animal {
}
$dog = [Dog]::new('Rex')
$dog.Speak()
$dog.Kind()
$dog.BaseKind()
$dog -is [Animal]
$dog -is [Dog]
$cat = [Cat]::new()
$cat.Name
$cat.Speak()
$cat -is [Animal]
[Animal]::new('Generic').Kind()
$dog.GetType().BaseType.Name
