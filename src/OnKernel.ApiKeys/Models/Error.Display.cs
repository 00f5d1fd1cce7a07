namespace OnKernel;

/// <summary>Kernel's error body: a machine-readable code and a human-readable message.</summary>
public partial class Error
{
    /// <summary><c>code: message</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>A lower-level detail of a Kernel error.</summary>
public partial class ErrorDetail
{
    /// <summary><c>code: message</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
