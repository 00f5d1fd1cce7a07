using System.Diagnostics;
using System.Text;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Collects a child process's stdout and stderr for failure messages. Keeps only the tail:
/// Prism logs a warning per rejected request, and a long run must not grow without bound.
/// </summary>
internal sealed class OutputBuffer
{
    private const int Limit = 64 * 1024;
    private readonly StringBuilder _text = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.Length == 0 ? "(no output)" : _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            if (_text.Length > Limit)
            {
                _text.Remove(0, _text.Length - Limit);
            }
        }
    }
}
