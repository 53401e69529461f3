-- Argo CD health for openshell.io Sandbox: Degraded when the effective policy cannot be composed
-- (the last good policy stays in force), Progressing until the pod's sidecar enforces it.
local hs = { status = "Progressing", message = "Waiting for the operator to compose the policy" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
if obj.status.observedGeneration == nil or obj.metadata.generation == nil
    or obj.status.observedGeneration < obj.metadata.generation then
  return hs
end
local c = {}
for _, cond in ipairs(obj.status.conditions) do
  c[cond.type] = cond
end
for _, t in ipairs({ "ProvidersResolved", "PolicyComposed" }) do
  if c[t] ~= nil and c[t].status == "False" then
    hs.status = "Degraded"
    hs.message = c[t].reason .. ": " .. (c[t].message or "")
    return hs
  end
end
if c["Ready"] ~= nil and c["Ready"].status == "True" then
  hs.status = "Healthy"
  hs.message = (c["Ready"].message or "Policy composed and applied")
  return hs
end
if c["PolicyApplied"] ~= nil and c["PolicyApplied"].status == "False" then
  hs.message = "Waiting for the policy agent: " .. (c["PolicyApplied"].message or c["PolicyApplied"].reason)
end
return hs
